using System.Text;

namespace Rasid.Core.Input;

/// <summary>
/// Reads a report file as text (see <see cref="TextDecoder"/> for the encodings), refusing what is not text with a
/// clear, coded error that names the file. A byte order mark is dropped; anything else is kept exactly as written.
/// </summary>
public static class TextFileReader
{
    public static string Read(string path, long maxBytes = 256L * 1024 * 1024)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw new RasidException("E100", path, "is a folder, not a file");
        }

        if (!File.Exists(path))
        {
            throw new RasidException("E101", path, "file not found");
        }

        var length = new FileInfo(path).Length;
        if (length > maxBytes)
        {
            throw new RasidException("E103", path, $"file is {length:N0} bytes; the limit is {maxBytes:N0}");
        }

        return Decode(File.ReadAllBytes(path), path);
    }

    /// <summary>
    /// Decodes bytes (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1256, ISO-8859-6), refusing empty, binary
    /// and undecodable input. <paramref name="inputName"/> names it in errors.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string inputName) => TextDecoder.Decode(bytes, inputName).Text;
}
