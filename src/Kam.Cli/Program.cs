using Kam.Cli;
using Kam.Cli.Progress;

return KamApp.Run(args, Console.Out, Console.Error, ProgressFactory.IsInteractiveTerminal);
