// expect: memory_limit|runtime_error
return new Array(1e9).fill(0).length;
