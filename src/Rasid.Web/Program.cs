namespace Rasid.Web;

/// <summary>
/// <c>dotnet run --project src/Rasid.Web -- --Rasid:Db=rasid.db</c>; the CLI's <c>rasid serve</c> builds the same app.
/// All wiring lives in <see cref="RasidWebApp"/>.
/// </summary>
public sealed class Program
{
    private Program()
    {
    }

    public static void Main(string[] args) => RasidWebApp.Build(args).Run();
}
