// expect: memory_limit
return new Float64Array({ length: 5e8 }).length;
