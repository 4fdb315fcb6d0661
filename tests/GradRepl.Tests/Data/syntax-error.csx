var x = 1;
print(undefinedName);
int y = "text";
