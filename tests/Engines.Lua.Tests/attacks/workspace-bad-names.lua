-- expect: bad_argument NUL
-- File names the file system would refuse are the spell's bad argument, not a host error.
return tools.call("file_write", { path = "a\0b", content = "x" })
