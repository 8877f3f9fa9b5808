// expect: runtime_error
delete state.get;
