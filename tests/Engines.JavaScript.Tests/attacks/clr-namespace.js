// expect: runtime_error System is not defined
return System.IO.File.ReadAllText("/etc/passwd");
