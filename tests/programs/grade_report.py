# a report with f-strings and str.format: averages, letter grades, aligned columns.
students = {
    "Ada": [92, 88, 95, 79],
    "Grace": [85, 91, 78, 88],
    "Alan": [70, 65, 80, 75],
    "Linus": [55, 62, 48, 70],
    "Barbara": [99, 97, 100, 94],
}
def average(xs):
    return sum(xs) / len(xs)
def letter(avg):
    if avg >= 90:
        return "A"
    if avg >= 80:
        return "B"
    if avg >= 70:
        return "C"
    if avg >= 60:
        return "D"
    return "F"
print(f"{'Name':<10}{'Scores':<20}{'Avg':>7}  Grade")
print("-" * 44)
for name, scores in students.items():
    avg = average(scores)
    score_text = " ".join([f"{s:>3}" for s in scores])
    avg_text = f"{avg:.2f}"
    print(f"{name:<10}{score_text:<20}{avg_text:>7}  {letter(avg)}")
print("-" * 44)
all_scores = []
for scores in students.values():
    all_scores.extend(scores)
print("{:<10}{:<20}{:>7}".format("overall", str(len(all_scores)) + " scores", "{:.2f}".format(average(all_scores))))
best = sorted(students, key=lambda n: average(students[n]))[-1]
print("best student: {0} ({1:.1f})".format(best, average(students[best])))
dist = {}
for name, scores in students.items():
    g = letter(average(scores))
    dist[g] = dist.get(g, 0) + 1
for g in "ABCDF":
    print("{}: {}".format(g, "*" * dist.get(g, 0)))
for i in range(4):
    col = [scores[i] for scores in students.values()]
    print(f"test {i + 1}: min {min(col):>3} max {max(col):>3} mean {average(col):.1f}")
