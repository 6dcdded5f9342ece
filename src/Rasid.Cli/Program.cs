using System.CommandLine;
using System.Text;
using Rasid.Cli;
using Rasid.Cli.Commands;

Console.OutputEncoding = new UTF8Encoding(false);

var root = new RootCommand("Rasid (راصد): Arabic conflict reports in, ACLED-compatible events out.")
{
    AnalyzeCommand.Create(),
    ExtractCommand.Create(),
    EvalCommand.Create(),
    IngestCommand.Create(),
    QueryCommand.Create(),
    ExportCommand.Create(),
    WorkerCommand.Create(),
    StatusCommand.Create(),
    OptimizeCommand.Create(),
    MigrateCommand.Create(),
    GazetteerCommand.Create(),
    ServeCommand.Create(),
    UsersCommand.Create(),
};

return CliRunner.Run(root, args);
