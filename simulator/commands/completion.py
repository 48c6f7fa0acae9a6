"""collectsim completion SHELL: a completion script for bash, zsh or fish."""

from __future__ import annotations

import argparse

HELP = """Print a shell completion script for collectsim's commands, options and choices.
  bash:  eval "$(collectsim completion bash)"   (in ~/.bashrc)
  zsh:   collectsim completion zsh > "${fpath[1]}/_collectsim"
  fish:  collectsim completion fish > ~/.config/fish/completions/collectsim.fish"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.formatter_class = argparse.RawDescriptionHelpFormatter
    p.add_argument("shell", choices=("bash", "zsh", "fish"), help="the shell to complete in")


def run(args: argparse.Namespace) -> int:
    import sys

    from simulator.completion import script

    sys.stdout.write(script(args.shell))
    return 0
