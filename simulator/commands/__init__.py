"""One module per subcommand; see simulator.cli."""
