namespace Rasid.Store;

/// <summary>
/// A store that keeps the web server's data-protection key ring (the keys that sign login cookies and CSRF tokens), so
/// every <c>rasid serve</c> process on one database — on any machine — accepts the cookies the others issue.
/// </summary>
public interface IDataProtectionKeyStore
{
    /// <summary>Every stored key, as the XML the framework wrote.</summary>
    IReadOnlyList<string> ReadDataProtectionKeys();

    /// <summary>Adds a key under a unique name; a name already stored is left as it is.</summary>
    void StoreDataProtectionKey(string name, string xml);
}
