using GovReport.Domain.Errors;
using GovReport.Host.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovReport.Host.Tests;

/// <summary>Reports, the catalogue and plans answer a decider's refusal through this one mapping.</summary>
public class DomainProblemsTests
{
    [Theory]
    [InlineData(ErrorCodes.InvalidTransition, StatusCodes.Status409Conflict, ErrorCodes.InvalidTransition)]
    [InlineData(ErrorCodes.ApproverIsSubmitter, StatusCodes.Status403Forbidden, ErrorCodes.ApproverIsSubmitter)]
    [InlineData(ErrorCodes.NoChange, StatusCodes.Status400BadRequest, ErrorCodes.NoChange)]
    [InlineData(ErrorCodes.NoValues, StatusCodes.Status400BadRequest, ErrorCodes.NoValues)]
    [InlineData(ErrorCodes.ReasonRequired, StatusCodes.Status400BadRequest, "validation")]
    [InlineData(ErrorCodes.DuplicateIndicator, StatusCodes.Status400BadRequest, "validation")]
    [InlineData(ErrorCodes.InvalidParent, StatusCodes.Status400BadRequest, "validation")]
    public void A_refusal_for_the_streams_state_keeps_its_code_and_a_bad_field_is_validation(string code, int status, string answered)
    {
        var problem = DomainProblems.For(new DomainError(code, "refused", "reason")).ProblemDetails;

        Assert.Equal(status, problem.Status);
        Assert.Equal(answered, problem.Extensions[Problems.CodeKey]);
    }

    [Fact]
    public void A_refusal_naming_a_field_names_it_in_errors()
    {
        var problem = DomainProblems.For(new DomainError(ErrorCodes.NoChange, "nothing changes", "values")).ProblemDetails;

        Assert.Equal(["values"], Assert.IsType<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>(problem).Errors.Keys);
    }
}
