// expect: runtime_error
return JSON.parse("[".repeat(100000) + "]".repeat(100000));
