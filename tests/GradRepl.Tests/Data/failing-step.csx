// # A lesson with a failing step

// ## Fine
print("one");
//> one

// ## Broken
var zero = 0;
print(1 / zero);
//> never printed
