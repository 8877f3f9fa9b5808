// expect: runtime_error
llm.evil = () => "pwned";
