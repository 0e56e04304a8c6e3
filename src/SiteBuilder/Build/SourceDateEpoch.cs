using System.Globalization;
using SiteBuilder.Diagnostics;

namespace SiteBuilder.Build;

/// <summary>
/// The one reader of <c>SOURCE_DATE_EPOCH</c> (reproducible-builds.org): "now" for the output, in whole seconds since
/// 1970-01-01 UTC. A value that is set but malformed is an error (SB0020, exit 3), as the specification asks: a
/// silently ignored one would make the output depend on the clock after all.
/// </summary>
public static class SourceDateEpoch
{
    /// <summary>The variable's name.</summary>
    public const string Variable = "SOURCE_DATE_EPOCH";

    // DateTimeOffset ends on 9999-12-31T23:59:59Z.
    private const long Max = 253_402_300_799;

    /// <summary>
    /// The build date: <paramref name="given"/> (<see cref="BuildOptions.SourceDateEpoch"/>) when set, else the
    /// variable; null when neither is. A bad value adds SB0020 to <paramref name="diagnostics"/> and gives null.
    /// </summary>
    public static DateTimeOffset? Resolve(long? given, DiagnosticBag diagnostics)
    {
        string? text = given?.ToString(CultureInfo.InvariantCulture) ?? Environment.GetEnvironmentVariable(Variable);
        if (TryParse(text, out var date, out string? problem)) return date;
        diagnostics.Error(DiagnosticCodes.SourceDateEpoch, SourceLocation.File(Variable), problem!);
        return null;
    }

    /// <summary>The date the variable sets now (null when unset or empty); false with a one-line reason when it is malformed.</summary>
    public static bool TryReadEnvironment(out DateTimeOffset? date, out string? problem) =>
        TryParse(Environment.GetEnvironmentVariable(Variable), out date, out problem);

    /// <summary>Parses a value: null or empty is no date; otherwise ASCII digits only, at most <c>253402300799</c>.</summary>
    public static bool TryParse(string? value, out DateTimeOffset? date, out string? problem)
    {
        date = null;
        problem = null;
        if (string.IsNullOrEmpty(value)) return true;
        // Digits only: no sign, no spaces, no fraction (long.TryParse would take " 12" and "-5").
        if (value.Length <= 12 && value.All(char.IsAsciiDigit) && long.Parse(value, CultureInfo.InvariantCulture) is var seconds and <= Max)
        {
            date = DateTimeOffset.FromUnixTimeSeconds(seconds);
            return true;
        }
        string shown = value.Length > 40 ? value[..40] + "…" : value;
        problem = $"'{shown}' is not a whole number of seconds since 1970-01-01 between 0 and {Max}; set it to the time " +
                  "of the last commit (git log -1 --format=%ct) or unset it";
        return false;
    }
}
