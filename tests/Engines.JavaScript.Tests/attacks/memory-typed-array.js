// expect: memory_limit
return new Uint8Array(2e9).length;
