// expect: memory_limit
return new Array(1000).join("x".repeat(1e6)).length;
