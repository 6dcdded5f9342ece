using System.CommandLine;
using Rasid.Web;

namespace Rasid.Cli.Commands;

/// <summary><c>rasid serve</c>: the HTTP API and the dashboard over a store.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var db = StoreOptions.Db();
        var port = new Option<int>("--port") { Description = "Port on localhost.", DefaultValueFactory = _ => 5080 };
        var urls = new Option<string?>("--urls") { Description = "Addresses to listen on instead of localhost:PORT, e.g. \"http://0.0.0.0:5080;https://…\"." };
        var readOpen = new Option<bool>("--read-open") { Description = "Anyone may read (the default)." };
        var readKeyed = new Option<bool>("--read-keyed") { Description = "Reading needs a viewer, analyst or admin login or API key." };
        var webRoot = new Option<string?>("--web-root") { Description = "Folder of the dashboard's files (default: the one shipped with rasid)." };
        var cmd = new Command("serve", "Serve the HTTP API and the dashboard. Writes need a user (rasid users add).") { db, port, urls, readOpen, readKeyed, webRoot };
        cmd.SetAction(p => CliRunner.Guard(() =>
        {
            if (p.GetValue(readOpen) && p.GetValue(readKeyed))
            {
                throw new Rasid.Core.RasidException("E404", "--read-open/--read-keyed", "give one or the other");
            }

            var portNumber = p.GetValue(port);
            if (portNumber is < 1 or > 65535)
            {
                throw new Rasid.Core.RasidException("E404", "--port", $"{portNumber} is not a port (1-65535)");
            }

            var dbValue = p.GetValue(db)!;
            using (var store = StoreOptions.Open(dbValue))
            {
                // Fail here, with a clear message, rather than on the first request; and say how to get a writer in.
                if (store.ListUsers().Count == 0)
                {
                    Console.Error.WriteLine("rasid serve: no users yet; reading works, writes need one: rasid users add NAME --role analyst --api-key");
                }
            }

            var options = new WebOptions { Db = dbValue, ReadKeyed = p.GetValue(readKeyed), WebRoot = p.GetValue(webRoot) };
            var address = p.GetValue(urls) ?? $"http://localhost:{portNumber}";
            var app = RasidWebApp.Build([], options, address);
            Console.Error.WriteLine($"rasid serve: {address} over {dbValue} (reading {(options.ReadKeyed ? "keyed" : "open")}); Ctrl+C stops");
            try
            {
                app.Run();
            }
            catch (IOException ex)
            {
                throw new Rasid.Core.RasidException("E405", address, $"cannot listen there ({ex.Message})");
            }

            return 0;
        }));
        return cmd;
    }
}
