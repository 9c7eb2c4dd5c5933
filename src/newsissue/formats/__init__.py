"""The built-in formats: one module per format, its writer (and reader) side by side."""
