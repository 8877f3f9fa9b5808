// expect: memory_limit
return "x".repeat(2 ** 28).length;
