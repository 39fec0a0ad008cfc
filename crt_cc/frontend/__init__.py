"""Front end: x86 relocatable ELF objects -> sections, symbols, relocations, decoded functions."""
