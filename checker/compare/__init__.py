"""When two claims are about the same thing: anchors (names, aliases, acronyms) and frame keys."""
