using System.CommandLine;
using Rasid.Core;
using Rasid.Store;

namespace Rasid.Cli.Commands;

/// <summary><c>rasid users add|list|remove</c>: who may use the HTTP API. Secrets are stored hashed; an API key is shown once.</summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var cmd = new Command("users", "Manage the users of the HTTP API (rasid serve).") { Add(), List(), Remove() };
        return cmd;
    }

    private static Command Add()
    {
        var name = new Argument<string>("name") { Description = "User name (unique)." };
        var db = StoreOptions.Db();
        var role = new Option<string>("--role") { Description = "viewer, analyst or admin.", DefaultValueFactory = _ => "viewer" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read a password from the first line of standard input (for POST /api/login)." };
        var apiKey = new Option<bool>("--api-key") { Description = "Generate an API key (printed once) for Authorization: Bearer or X-Api-Key." };
        var cmd = new Command("add", "Add a user with a password and/or an API key.") { name, db, role, passwordStdin, apiKey };
        cmd.SetAction(p => CliRunner.Guard(() =>
        {
            var userName = p.GetValue(name)!.Trim();
            if (userName.Length is 0 or > 200 || userName.Any(char.IsControl))
            {
                throw new RasidException("E341", "name", "a user name is 1-200 printable characters");
            }

            if (!UserRoles.TryParse(p.GetValue(role), out var parsedRole))
            {
                throw new RasidException("E341", "--role", $"'{p.GetValue(role)}' is not a role (viewer, analyst, admin)");
            }

            bool withPassword = p.GetValue(passwordStdin), withKey = p.GetValue(apiKey);
            if (!withPassword && !withKey)
            {
                throw new RasidException("E341", userName, "give --password-stdin, --api-key or both");
            }

            string? passwordHash = null;
            if (withPassword)
            {
                var password = Console.In.ReadLine();
                if (string.IsNullOrEmpty(password) || password.Length < 10)
                {
                    throw new RasidException("E341", "--password-stdin", "the password must be at least 10 characters");
                }

                passwordHash = UserSecrets.HashPassword(password);
            }

            var key = withKey ? UserSecrets.NewApiKey() : null;
            using var store = StoreOptions.Open(p.GetValue(db)!);
            store.AddUser(new UserRecord(userName, parsedRole, passwordHash, key is null ? null : UserSecrets.HashApiKey(key), DateTimeOffset.UtcNow));
            Console.Error.WriteLine($"rasid users: added {userName} ({parsedRole.ToWireName()}) to {store.Location}");
            if (key is not null)
            {
                Console.Error.WriteLine("API key (shown only now; store it safely):");
                Console.Out.WriteLine(key);
            }

            return 0;
        }));
        return cmd;
    }

    private static Command List()
    {
        var db = StoreOptions.Db();
        var cmd = new Command("list", "List users (name, role, how they sign in, lockout).") { db };
        cmd.SetAction(p => CliRunner.Guard(() =>
        {
            using var store = StoreOptions.Open(p.GetValue(db)!);
            foreach (var u in store.ListUsers())
            {
                var how = string.Join("+", new[] { u.PasswordHash is null ? null : "password", u.ApiKeyHash is null ? null : "api-key" }.OfType<string>());
                var locked = u.LockedUntil > DateTimeOffset.UtcNow ? $"  locked until {u.LockedUntil:yyyy-MM-dd HH:mm} UTC" : string.Empty;
                Console.Out.WriteLine($"{u.Name}\t{u.Role.ToWireName()}\t{how}\tcreated {u.CreatedAt:yyyy-MM-dd}{locked}");
            }

            return 0;
        }));
        return cmd;
    }

    private static Command Remove()
    {
        var name = new Argument<string>("name") { Description = "User name." };
        var db = StoreOptions.Db();
        var cmd = new Command("remove", "Remove a user (their cookie sessions and API key stop working at once).") { name, db };
        cmd.SetAction(p => CliRunner.Guard(() =>
        {
            using var store = StoreOptions.Open(p.GetValue(db)!);
            if (!store.RemoveUser(p.GetValue(name)!))
            {
                throw new RasidException("E342", p.GetValue(name)!, "no such user");
            }

            Console.Error.WriteLine($"rasid users: removed {p.GetValue(name)}");
            return 0;
        }));
        return cmd;
    }
}
