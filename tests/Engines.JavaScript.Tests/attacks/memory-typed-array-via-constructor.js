// expect: memory_limit
return new (new Uint8Array(1).constructor)(2e9).length;
