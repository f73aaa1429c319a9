package io.canhgac.event.ingest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.zip.GZIPInputStream;

/**
 * Gateways gzip what they send over a commune's link (events shrink to about a sixth); the servlet
 * container does not unpack request bodies, so this does, for {@code /api/ingest/*} only, and never
 * past {@value #MAX_UNPACKED} bytes: a small body that would unpack into gigabytes is refused.
 */
@Configuration(proxyBeanMethods = false)
class GzipRequests {

    static final long MAX_UNPACKED = 64L << 20;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> gzipIngestRequests() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Unpacking());
        registration.addUrlPatterns("/api/ingest/*");
        registration.setOrder(Integer.MIN_VALUE + 10); // before anything reads the body
        return registration;
    }

    private static final class Unpacking extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String encoding = request.getHeader("Content-Encoding");
            if (encoding == null || !encoding.trim().equalsIgnoreCase("gzip")) {
                chain.doFilter(request, response);
                return;
            }
            chain.doFilter(new Unpacked(request), response);
        }
    }

    private static final class Unpacked extends HttpServletRequestWrapper {
        private ServletInputStream stream;

        Unpacked(HttpServletRequest request) {
            super(request);
        }

        @Override
        public synchronized ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Bounded(new GZIPInputStream(super.getInputStream(), 8192));
            }
            return stream;
        }

        @Override
        public String getHeader(String name) {
            return isPacking(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return isPacking(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public long getContentLengthLong() {
            return -1; // the unpacked length is not known
        }

        @Override
        public int getContentLength() {
            return -1;
        }

        private static boolean isPacking(String name) {
            return name.equalsIgnoreCase("Content-Encoding") || name.equalsIgnoreCase("Content-Length");
        }
    }

    private static final class Bounded extends ServletInputStream {
        private final InputStream in;
        private long read;
        private boolean finished;

        Bounded(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            count(n);
            return n;
        }

        private void count(int n) throws IOException {
            if (n < 0) {
                finished = true;
                return;
            }
            read += n;
            if (read > MAX_UNPACKED) {
                throw new IOException("a gzipped request unpacks past " + MAX_UNPACKED + " bytes");
            }
        }

        @Override
        public boolean isFinished() {
            return finished;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("gzipped ingest requests are read blocking");
        }
    }
}
