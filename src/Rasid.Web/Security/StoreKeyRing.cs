using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Rasid.Store;

namespace Rasid.Web.Security;

/// <summary>
/// The data-protection key ring in the store (table <c>data_protection_keys</c>) instead of a folder in the user's home:
/// every <c>rasid serve</c> process on one database reads the same keys, so a login cookie or CSRF token issued by one
/// is accepted by all of them, on any machine. Keys are stored as the framework writes them (not encrypted: whoever can
/// read the database can read everything these keys protect anyway).
/// </summary>
internal sealed class StoreKeyRing(IDataProtectionKeyStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        store.ReadDataProtectionKeys().Select(xml => XElement.Parse(xml)).ToList();

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        // friendlyName is "key-<guid>": unique per key, so a second process writing the same key changes nothing.
        store.StoreDataProtectionKey(string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString() : friendlyName,
            element.ToString(SaveOptions.DisableFormatting));
    }
}
