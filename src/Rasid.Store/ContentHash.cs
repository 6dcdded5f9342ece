using System.Security.Cryptography;
using System.Text;

namespace Rasid.Store;

/// <summary>The identity of a document's content: SHA-256 of its original text in UTF-8, lower-case hex.</summary>
public static class ContentHash
{
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
