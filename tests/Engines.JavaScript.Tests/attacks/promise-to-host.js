// expect: bad_argument await it first
return { p: Promise.resolve(1) };
