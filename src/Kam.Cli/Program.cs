using Kam.Cli;

return KamApp.Run(args, Console.Out, Console.Error);
