using System.Text.Encodings.Web;
using System.Text.Json;
using Rasid.Core;

namespace Rasid.Export;

/// <summary>
/// Event records as a JSON array (indented) or as JSON Lines. Arabic stays readable (no \u escapes), since analysts
/// read these files; every field of <see cref="EventRecord"/> is written, absent values as null.
/// </summary>
public sealed class JsonEventWriter : IEventWriter
{
    public static readonly JsonSerializerOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static readonly JsonSerializerOptions Indented = new(Compact) { WriteIndented = true };

    private readonly TextWriter output;
    private readonly bool linePerEvent;
    private int written;

    public JsonEventWriter(TextWriter output, bool linePerEvent)
    {
        ArgumentNullException.ThrowIfNull(output);
        this.output = output;
        this.linePerEvent = linePerEvent;
    }

    public bool Write(ConflictEvent conflictEvent)
    {
        var record = EventRecord.From(conflictEvent);
        if (linePerEvent)
        {
            output.Write(JsonSerializer.Serialize(record, Compact));
            output.Write('\n');
        }
        else
        {
            output.Write(written == 0 ? "[\n" : ",\n");
            output.Write(JsonSerializer.Serialize(record, Indented));
        }

        written++;
        return true;
    }

    public void Complete()
    {
        if (!linePerEvent)
        {
            output.Write(written == 0 ? "[]\n" : "\n]\n");
        }

        output.Flush();
    }
}
