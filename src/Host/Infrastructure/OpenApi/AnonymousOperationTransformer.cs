using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GovReport.Host.Infrastructure.OpenApi;

/// <summary>Endpoints marked AllowAnonymous (health, the OpenAPI document) say so, overriding the document-wide Bearer requirement.</summary>
internal sealed class AnonymousOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
            operation.Security = [];
        return Task.CompletedTask;
    }
}
