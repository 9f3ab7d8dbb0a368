"""Test and drill helpers shipped with steadyloop: real error shapes and the provider emulator."""
