// expect: runtime_error importNamespace is not defined
return importNamespace("System.IO");
