"""enduse: a workbench for end-use monitoring of arms transfers from open sources."""

__version__ = "0.1.0"
