def load(path):
    with open(path) as f:
        return f.read()


print("loading")
load("no_such_dir/missing_file.txt")
