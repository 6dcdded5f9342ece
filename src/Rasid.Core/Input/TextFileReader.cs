using System.Text;

namespace Rasid.Core.Input;

/// <summary>
/// Reads a report file as UTF-8 text, refusing what is not text with a clear, coded error that names the file.
/// A UTF-8 byte order mark is dropped; anything else is kept exactly as written.
/// </summary>
public static class TextFileReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Not "\xEF\xBB\xBF"u8: in a C# string \xEF is the character U+00EF, which u8 encodes as two bytes.
    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

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

    /// <summary>Decodes bytes as UTF-8, refusing empty, binary and invalid input. <paramref name="inputName"/> names it in errors.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string inputName)
    {
        if (bytes.StartsWith(Utf8ByteOrderMark))
        {
            bytes = bytes[3..];
        }

        if (bytes.IsEmpty)
        {
            throw new RasidException("E102", inputName, "is empty");
        }

        int nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            throw new RasidException("E104", inputName, $"looks binary (a NUL byte at offset {nul}); expected UTF-8 text");
        }

        try
        {
            var text = StrictUtf8.GetString(bytes);
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new RasidException("E102", inputName, "holds only white space");
            }

            return text;
        }
        catch (DecoderFallbackException ex)
        {
            throw new RasidException("E105", inputName, $"is not valid UTF-8 (bad byte sequence at offset {ex.Index}); convert it to UTF-8 first");
        }
    }
}
