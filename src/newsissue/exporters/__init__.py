"""The built-in exporters, one module per format."""
