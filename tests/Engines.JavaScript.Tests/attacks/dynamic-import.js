// expect: runtime_error
const fs = await import("fs");
return fs;
