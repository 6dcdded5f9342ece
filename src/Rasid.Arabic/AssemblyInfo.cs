using System.Runtime.CompilerServices;

// Stack buffers in the hot paths (clitic readings, lookup keys) are always written before they are read.
[module: SkipLocalsInit]
