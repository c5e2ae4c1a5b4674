namespace GovReport.Domain.Errors;

/// <summary>Every code a decider or a domain check answers with; clients switch on them, so they never change.</summary>
public static class ErrorCodes
{
    // The state of the stream refuses the command.
    public const string InvalidTransition = "invalid-transition";
    public const string ApproverIsSubmitter = "approver-is-submitter";
    public const string NoValues = "no-values";
    public const string NoChange = "no-change";
    public const string WrongStream = "wrong-stream";
    public const string SummaryAlreadyPublished = "summary-already-published";
    public const string UnitMerged = "unit-merged";
    public const string UnitDissolved = "unit-dissolved";
    public const string RestructuringNotFound = "restructuring-not-found";

    // A field of the command is not acceptable.
    public const string ReasonRequired = "reason-required";
    public const string DuplicateIndicator = "duplicate-indicator";
    public const string UnknownIndicator = "unknown-indicator";
    public const string NegativeValue = "negative-value";
    public const string FutureMonth = "future-month";
    public const string ValueOutOfRange = "value-out-of-range";
    public const string RangeOutOfBounds = "range-out-of-bounds";
    public const string RangeInverted = "range-inverted";
    public const string InvalidYear = "invalid-year";
    public const string InvalidPhasing = "invalid-phasing";
    public const string InvalidParent = "invalid-parent";
    public const string NameRequired = "name-required";
    public const string NameTooLong = "name-too-long";
    public const string MeasureRequired = "measure-required";
    public const string MeasureTooLong = "measure-too-long";
    public const string SummaryLineEmpty = "summary-line-empty";

    // Accounts.
    public const string InvalidUsername = "invalid-username";
    public const string RoleRequired = "role-required";
    public const string InvalidRole = "invalid-role";
    public const string TooManyUnits = "too-many-units";
    public const string PasswordRequired = "password-required";
    public const string UnknownAccount = "unknown-account";
    public const string RatioPartRequired = "ratio-part-required";
    public const string RatioPartInvalid = "ratio-part-invalid";
    public const string RatioCycle = "ratio-cycle";
    public const string InvalidScale = "invalid-scale";
    // A cross-indicator rule of the catalogue (atMost) names itself, a ratio, or too many indicators.
    public const string RuleInvalid = "rule-invalid";
    public const string UnknownPlan = "unknown-plan";

    // A report names an indicator the service computes (a ratio) instead of one a unit reports.
    public const string ComputedIndicator = "computed-indicator";
    public const string InvalidRestructuring = "invalid-restructuring";
}
