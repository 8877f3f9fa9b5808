// expect: syntax_error
with (Math) { return max(1, 2); }
