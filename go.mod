module github.com/kotamalang/kimsite

go 1.26
