// expect: bad_argument only plain values
return () => 1;
