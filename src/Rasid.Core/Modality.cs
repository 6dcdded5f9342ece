namespace Rasid.Core;

/// <summary>
/// How the text commits to an event. Only <see cref="Asserted"/>, <see cref="Reported"/> and <see cref="Claimed"/>
/// count as events; the others are kept and marked, never counted.
/// </summary>
public enum Modality
{
    /// <summary>The text states the event as fact in its own voice.</summary>
    Asserted,

    /// <summary>The text attributes the event to a source (أفاد، قال، ذكر، حسب).</summary>
    Reported,

    /// <summary>A party claims the event (أعلن، تبنى، زعم).</summary>
    Claimed,

    /// <summary>The text says the event did not happen (لم، نفى، عدم).</summary>
    Negated,

    /// <summary>A condition or supposition (إذا، لو).</summary>
    Hypothetical,

    /// <summary>Possibility or likelihood (قد + imperfect، ربما، من المحتمل، يرجح، يخشى).</summary>
    Speculative,

    /// <summary>Announced or threatened for the future (س/سوف، يعتزم، يهدد).</summary>
    Future,
}

public static class ModalityExtensions
{
    /// <summary>True for the modalities that make a countable event.</summary>
    public static bool Counts(this Modality modality) =>
        modality is Modality.Asserted or Modality.Reported or Modality.Claimed;

    public static string ToWireName(this Modality modality) => modality switch
    {
        Modality.Asserted => "asserted",
        Modality.Reported => "reported",
        Modality.Claimed => "claimed",
        Modality.Negated => "negated",
        Modality.Hypothetical => "hypothetical",
        Modality.Speculative => "speculative",
        Modality.Future => "future",
        _ => throw new ArgumentOutOfRangeException(nameof(modality)),
    };

    public static bool TryParse(string? text, out Modality modality)
    {
        foreach (var m in Enum.GetValues<Modality>())
        {
            if (string.Equals(m.ToWireName(), text, StringComparison.OrdinalIgnoreCase))
            {
                modality = m;
                return true;
            }
        }

        modality = default;
        return false;
    }
}
