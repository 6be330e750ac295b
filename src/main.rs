fn main() {
    println!("insats");
}
