fn main() {
    for _ in 0..3000 {
        std::hint::black_box(
            insats::data::insatser::parse(
                insats::data::EMBEDDED_INSATSER,
                std::path::Path::new("x"),
            )
            .unwrap(),
        );
    }
}
