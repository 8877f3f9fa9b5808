-- Called as a workflow step by polyglot.js: shouts its input's text.
return string.upper(input.text) .. "!"
