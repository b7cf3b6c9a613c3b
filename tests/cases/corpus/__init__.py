"""The corpus of real published notices the disclosure gate is measured on."""
