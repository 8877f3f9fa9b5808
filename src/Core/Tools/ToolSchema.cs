using LlmSpell.Errors;
using LlmSpell.Values;
using NJsonSchema.Validation;

namespace LlmSpell.Tools;

/// <summary>A tool's parameter schema, parsed once, that checks arguments and names the bad field.</summary>
public sealed class ToolSchema
{
    private readonly NJsonSchema.JsonSchema _schema;

    private ToolSchema(SpellMap definition, NJsonSchema.JsonSchema schema)
    {
        Definition = definition;
        _schema = schema;
    }

    public SpellMap Definition { get; }

    public static ToolSchema Empty { get; } = Parse(SpellValue.Map([new("type", SpellValue.From("object")), new("properties", SpellMap.Empty)]), "tool");

    /// <exception cref="SpellException">With code <c>bad_argument</c> when <paramref name="definition"/> is not a schema.</exception>
    public static ToolSchema Parse(SpellMap definition, string owner)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Get("type") is SpellString type && type.Value != "object")
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"{owner}: parameters must be an object schema, not type '{type.Value}'");
        }

        try
        {
            return new ToolSchema(definition, NJsonSchema.JsonSchema.FromJsonAsync(SpellJson.Serialize(definition)).GetAwaiter().GetResult());
        }
        catch (Exception ex) when (ex is Newtonsoft.Json.JsonException or InvalidOperationException or NotSupportedException)
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"{owner}: parameters are not a usable JSON schema: {ex.Message}");
        }
    }

    /// <exception cref="SpellException">With code <c>bad_argument</c> naming every field at fault.</exception>
    public void Check(string toolName, SpellMap arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var problems = _schema.Validate(SpellJson.Serialize(arguments));
        if (problems.Count > 0)
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"tool '{toolName}': {string.Join("; ", problems.Take(5).Select(Describe))}");
        }
    }

    private static string Describe(ValidationError error)
    {
        var field = string.IsNullOrEmpty(error.Property) ? (string.IsNullOrEmpty(error.Path) ? "arguments" : error.Path.TrimStart('#', '/')) : error.Property;
        var what = error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => "is required",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => "is not a known argument",
            ValidationErrorKind.StringExpected => "must be a string",
            ValidationErrorKind.IntegerExpected => "must be an integer",
            ValidationErrorKind.NumberExpected => "must be a number",
            ValidationErrorKind.BooleanExpected => "must be a boolean",
            ValidationErrorKind.ArrayExpected => "must be a list",
            ValidationErrorKind.ObjectExpected => "must be a map",
            ValidationErrorKind.NotInEnumeration => "is not one of the allowed values",
            ValidationErrorKind.NumberTooSmall => "is too small",
            ValidationErrorKind.NumberTooBig => "is too big",
            ValidationErrorKind.StringTooShort => "is too short",
            ValidationErrorKind.StringTooLong => "is too long",
            ValidationErrorKind.PatternMismatch => "does not match its pattern",
            var kind => $"is invalid ({kind})",
        };
        return $"argument '{field}' {what}";
    }
}
